using System.Text;

namespace Keyless.Cli.Completion;

/// <summary>
/// The zsh script (<c>#compdef keyless</c>): commands and options with their descriptions through <c>_describe</c>,
/// fixed values through <c>compadd</c>, files through <c>_files</c>. Works from a folder of <c>$fpath</c> and sourced.
/// </summary>
internal static class ZshCompletion
{
    public static string Script(CompletionModel model)
    {
        var s = new StringBuilder();
        s.Append("""
            #compdef keyless
            # keyless completion for zsh. Load it in this shell:   source <(keyless completion zsh)
            # or for every shell:   keyless completion zsh > "${fpath[1]}/_keyless"
            _keyless() {
                local cmd="" word i
                local -a entries
                for (( i = 2; i < CURRENT; i++ )); do
                    word=${words[i]}
                    case $word in
                        --color) (( i++ )) ;;
                        -*) ;;
                        *)
                            if [[ -z $cmd ]]; then cmd=$word
            """).Append('\n');
        foreach (var (branch, _) in model.Branches)
        {
            s.Append($"                elif [[ $cmd == {branch} ]]; then cmd=\"{branch} $word\"; break\n");
        }

        s.Append("""
                            else break
                            fi ;;
                    esac
                done
                if [[ ${words[CURRENT-1]} == --color ]]; then compadd -- auto always never; return; fi
                if [[ -z $cmd ]]; then
                    if [[ ${words[CURRENT]} == -* ]]; then compadd -- --help --version --color; return; fi

            """).Append('\n');
        s.Append("        entries=(").Append(string.Join(' ', model.TopLevel.Select(t => Entry(t.Name, t.Description)))).Append(")\n");
        s.Append("        _describe -t commands 'keyless command' entries\n        return\n    fi\n    case $cmd in\n");
        foreach (var (branch, subcommands) in model.Branches)
        {
            s.Append($"        {branch})\n            entries=({string.Join(' ', subcommands.Select(c => Entry(c.Name, c.Description)))})\n");
            s.Append($"            _describe -t commands '{branch} command' entries\n            return ;;\n");
        }

        s.Append("    esac\n    case \"$cmd ${words[CURRENT-1]}\" in\n");
        foreach (var (key, values) in model.OptionValues)
        {
            s.Append($"        \"{key}\") compadd -- {string.Join(' ', values)}; return ;;\n");
        }

        s.Append("    esac\n    if [[ ${words[CURRENT]} == -* ]]; then\n        case $cmd in\n");
        foreach (var command in model.Commands)
        {
            s.Append($"            \"{command.Name}\") entries=({string.Join(' ', model.Options[command.Name].Select(o => Entry(o.Name, o.Description)))}) ;;\n");
        }

        s.Append("        esac\n        _describe -t options 'option' entries\n        return\n    fi\n    case $cmd in\n");
        foreach (var (command, values) in model.ArgumentValueLists)
        {
            s.Append($"        \"{command}\") compadd -- {string.Join(' ', values)} ;;\n");
        }

        s.Append("""
                    *) _files ;;
                esac
            }
            if [[ "${funcstack[1]}" == _keyless ]]; then _keyless "$@"; else compdef _keyless keyless; fi

            """);
        return s.ToString();
    }

    // 'name:description' in single quotes: a colon in the name would end it, a quote is closed, escaped and reopened.
    private static string Entry(string name, string description) =>
        "'" + (name.Replace(":", "\\:", StringComparison.Ordinal) + ":" + description).Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
