namespace Keyless.Pull.Output;

/// <summary>One list read page by page, for pull.json: where its pages are, how many and how many items.</summary>
public sealed record PullList(string Name, int Pages, int Items, bool Complete);
