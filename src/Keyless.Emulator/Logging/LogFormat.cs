namespace Keyless.Emulator.Logging;

public enum LogFormat
{
    Text,
    Json,
}
