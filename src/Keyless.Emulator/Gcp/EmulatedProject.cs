namespace Keyless.Emulator.Gcp;

/// <summary>A GCP project as the emulator serves it: always both an id and a number, as a real project has.</summary>
public sealed record EmulatedProject(string Id, string Number)
{
    public bool Is(string segment) => segment == Id || segment == Number;
}
