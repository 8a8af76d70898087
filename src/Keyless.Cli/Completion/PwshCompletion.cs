using System.Text;

namespace Keyless.Cli.Completion;

/// <summary>
/// The PowerShell script: a native argument completer for <c>keyless</c> with the same rules as the bash one
/// (command words left of the cursor, then commands, sub-commands, an option's values, options, or files), built
/// from hashtables of the commands' options and values.
/// </summary>
internal static class PwshCompletion
{
    public static string Script(CompletionModel model)
    {
        var s = new StringBuilder();
        s.Append("# keyless completion for PowerShell. Load it in this session:   keyless completion pwsh | Out-String | Invoke-Expression\n");
        s.Append("# or for every session: add that line to $PROFILE.\n");
        s.Append("Register-ArgumentCompleter -Native -CommandName keyless -ScriptBlock {\n");
        s.Append("    param($wordToComplete, $commandAst, $cursorPosition)\n");
        s.Append("    $top = @{ ").Append(string.Join("; ", model.TopLevel.Select(t => $"{Quote(t.Name)} = {Quote(t.Description)}"))).Append(" }\n");
        s.Append("    $branches = @{ ").Append(string.Join("; ", model.Branches.Select(b =>
            $"{Quote(b.Branch)} = @({string.Join(", ", b.Subcommands.Select(c => Quote(c.Name)))})"))).Append(" }\n");
        s.Append("    $options = @{\n");
        foreach (var command in model.Commands)
        {
            s.Append($"        {Quote(command.Name)} = @({string.Join(", ", model.Options[command.Name].Select(o => Quote(o.Name)))})\n");
        }

        s.Append("    }\n    $values = @{\n        '--color' = @('auto', 'always', 'never')\n");
        foreach (var (key, values) in model.OptionValues.Concat(model.ArgumentValueLists))
        {
            s.Append($"        {Quote(key)} = @({string.Join(", ", values.Select(Quote))})\n");
        }

        s.Append("""
                }
                $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                $prev = if ($words.Count -gt 0) { $words[-1] } else { '' }
                $cmd = ''
                for ($i = 0; $i -lt $words.Count; $i++) {
                    $word = $words[$i]
                    if ($word -eq '--color') { $i++; continue }
                    if ($word.StartsWith('-')) { continue }
                    if ($cmd -eq '') { $cmd = $word }
                    elseif ($branches.ContainsKey($cmd)) { $cmd = "$cmd $word"; break }
                    else { break }
                }
                $candidates = @()
                if ($prev -eq '--color') { $candidates = $values['--color'] }
                elseif ($cmd -eq '') { $candidates = @($top.Keys | Sort-Object) + @('--help', '--version', '--color') }
                elseif ($branches.ContainsKey($cmd)) { $candidates = $branches[$cmd] }
                elseif ($values.ContainsKey("$cmd $prev")) { $candidates = $values["$cmd $prev"] }
                elseif ($wordToComplete.StartsWith('-')) { $candidates = $options[$cmd] }
                elseif ($values.ContainsKey($cmd)) { $candidates = $values[$cmd] }
                else { return }  # files: PowerShell's own path completion
                $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """);
        return s.ToString();
    }

    // PowerShell single quotes: a quote inside is doubled.
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
