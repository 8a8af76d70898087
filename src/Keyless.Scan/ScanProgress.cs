namespace Keyless.Scan;

/// <summary>How far a file scan is: for a progress bar. Carries no content.</summary>
public readonly record struct ScanProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal);
