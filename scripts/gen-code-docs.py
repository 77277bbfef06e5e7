# Writes docs/codes/<CODE>.md for the non-rule codes: the explanation and fix
# below, and the example output taken from the golden fixture so the page
# shows exactly what charterc prints. Rerun after `npx vitest run -u`.
import os, re, json
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
reg = open(os.path.join(root, 'src/diagnostics/codes.ts')).read()
rows = re.findall(r'\["(CH0[0134]\d\d)", "([a-z-]+)", "(\w+)", "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\]', reg)
WHY = {
 'CH0001': ('A character that no token of the language starts with, such as `@` or `;`, outside a string or comment.', 'Remove the character, or put the text inside a string `"…"` or a comment.'),
 'CH0002': ('A string opened with `"` did not close before the end of the line. Strings are single-line; use prose (`"""` … `"""`) for several lines.', 'Add the closing `"`, or switch to a `"""` prose block.'),
 'CH0003': ('A prose block opened with `"""` never closes, so the rest of the file would be read as prose.', 'Add the closing `"""`.'),
 'CH0004': ('A `/*` comment never closes; everything after it would be a comment.', 'Add `*/` where the comment should end.'),
 'CH0005': ('Strings accept the escapes `\\"`, `\\\\` and `\\n` only.', 'Write the character itself, or double the backslash.'),
 'CH0006': ('A field name is not followed by `:`. charterc guesses that the next value belongs to the field and keeps checking.', 'Add the colon: `eligibility: "anyone"`.'),
 'CH0007': ('A field has a colon but nothing after it.', 'Give the field a value, or remove the line to use the default (§4).'),
 'CH0008': ('A section keyword (and name) is not followed by `{`.', 'Open the section with `{` and close it with `}`.'),
 'CH0009': ('A section or the charter itself is not closed. charterc closes it where the next section starts, so later sections are still checked.', 'Add the missing `}`.'),
 'CH0010': ('A token that cannot start a field or a section, such as a stray `:` or `,`, or a `{` inside a section.', 'Remove the token, or complete the field it belongs to.'),
 'CH0011': ('Every file holds one `charter "NAME" { … }` or `federation "NAME" { … }`, after its imports.', 'Start the file (after any imports) with `charter "Name" {`.'),
 'CH0012': ('`body`, `decision` and `member of` sections are referred to by name, and a charter needs a name string.', 'Write `body assembly { … }`, `decision ordinary { … }`, `member of alias { … }`, `charter "Name" { … }`.'),
 'CH0013': ('An import must be `import "PATH" as NAME`.', 'Give the path in quotes and an alias after `as`.'),
 'CH0014': ('Two commas in a row, or a comma at the end of a list.', 'Remove the extra comma or add the missing item.'),
 'CH0015': ('Something follows the closing `}` of the charter. Often a `}` closed the charter too early.', 'Move the content inside the charter, or remove the stray `}` above it.'),
 'CH0016': ('Charter files are read as UTF-8. A byte that is not part of a valid UTF-8 sequence is reported at its byte offset (the first one, with the count of all), and the text around it is still checked. `charterc fmt` does not rewrite such a file, so its bytes are never replaced by U+FFFD.', 'Re-save the file as UTF-8 in your editor, or convert it: `iconv -f latin1 -t utf-8 old.charter > new.charter`.'),
 'CH0101': ('The section\'s schema (§4) has no field of this name. charterc suggests the closest known field.', 'Correct the name (the suggestion is usually right), or remove the field.'),
 'CH0102': ('A field appears twice in one section; the first value is used.', 'Keep one of them.'),
 'CH0103': ('A section other than `body`, `decision` and `member of` appears twice, or two bodies, decisions or ties share a name. The first is kept.', 'Merge the two sections, or rename one of them.'),
 'CH0104': ('A required field (§4, and docs/language.md) is missing, so charterc cannot judge the clause.', 'Add the field. The language server offers a quick fix.'),
 'CH0105': ('The value does not have the form the field takes. The message lists the accepted forms.', 'Rewrite the value in one of the forms shown.'),
 'CH0106': ('Durations are a number and a unit (`day`, `week`, `month`, `year`, singular or plural) or `immediately`.', 'Write the duration as `30 days`, `2 weeks`, `6 months`, `1 year` or `immediately`.'),
 'CH0107': ('A percentage above 100% cannot be a share of anyone.', 'Use a value from 0% to 100%.'),
 'CH0108': ('A threshold is `majority of votes cast`, `majority of members`, a fraction or percentage followed by `of votes cast` or `of members`, `unanimity` or `consensus`. A bare `majority` is ambiguous: of the votes cast, or of all members?', 'Say which base the threshold counts.'),
 'CH0109': ('A reference names a clause of the wrong kind, such as a body where a decision is expected (`admission: by assembly`). Bodies decide through decisions.', 'Name a decision taken by that body, or the body itself where a body is expected.'),
 'CH0110': ('No clause of the expected kind has this name.', 'Correct the name (see the suggestion) or define the body or decision.'),
 'CH0111': ('`member of NAME` must name an alias given by an `import … as NAME` at the top of the file.', 'Import the federation\'s file with that alias, or correct the alias.'),
 'CH0112': ('Imports are confined to the project root (the folder of charterc.yaml, else the working directory). A path that is absolute, climbs out with `..`, or leads out through a symlink is refused, and the file is not read.', 'Move the federation\'s file inside the project, or run charterc from a folder that contains both.'),
 'CH0113': ('The imported file does not exist or cannot be read.', 'Check the path; it is relative to the importing file.'),
 'CH0114': ('Two or more charters import each other in a cycle. A federation imports none of its members; members import the federation.', 'Remove the import that closes the cycle.'),
 'CH0115': ('Two imports share an alias, so `member of` could not tell them apart.', 'Give each import its own alias.'),
 'CH0116': ('`member of` must name a federation; the import names a charter.', 'Import the federation file, or change the imported file to a `federation`.'),
 'CH0117': ('`powers` and `requires` describe what a federation may decide and demand of its members; a charter has neither.', 'Remove the field, or make the file a `federation`.'),
 'CH0118': ('`requires` lists property ids from the catalogue (§6.2), such as `exit-guaranteed`.', 'Correct the id; `charterc explain <id>` shows each property.'),
 'CH0119': ('An import that no `member of` uses. Imports exist only to declare federation ties.', 'Add the `member of` tie, or remove the import.'),
 'CH0401': ('The records file could not be read safely: it is not YAML or JSON, is larger than the limit, nests too deeply, expands too many aliases, or uses a key such as `__proto__` or `constructor`. Nothing in it is trusted.', 'Fix the file; see docs/records.md for the format.'),
 'CH0402': ('A record does not match the records schema charterc emits for this charter: a missing field, a wrong type, or a procedure or clause the charter does not have.', 'Correct the record; `charterc build --emit schema` writes the schema.'),
 'CH0403': ('A decision recorded as adopted had fewer people present than its procedure\'s quorum of the deciding body.', 'Record the real attendance, or record the decision as not adopted.'),
 'CH0404': ('A decision recorded as adopted did not get the votes its threshold requires, counted on the threshold\'s base: the votes cast (for + against) or all members of the body.', 'Check the counts and the procedure.'),
 'CH0405': ('A consensus decision was adopted although someone objected.', 'Record the decision as not adopted, or resolve the objection first.'),
 'CH0406': ('A unanimity decision was adopted without every member of the body in favour.', 'Record the decision as not adopted.'),
 'CH0407': ('An amendment changes a clause marked `amendable: never`. No procedure can do that.', 'Remove the amendment; the clause cannot change.'),
 'CH0408': ('An amendment takes effect before `amendments.delay` has passed since its adoption, so members had no time to leave first.', 'Move the effective date to at least the delay after adoption.'),
 'CH0409': ('An amendment was adopted by a procedure that does not amend that clause (its own `amendable`, else `amendments.by`).', 'Adopt it by the procedure the charter names.'),
 'CH0410': ('An exit was refused although the charter requires no approval, or refused without a decision of the approving procedure.', 'Honour the exit, or record the approving decision.'),
 'CH0411': ('An exit took effect later than the notice the charter allows.', 'Record the exit as effective within the notice period.'),
 'CH0412': ('Vote counts that cannot be: more votes than people present, or more present than members.', 'Correct the counts.'),
 'CH0413': ('A penalty was imposed on a leaving member although the charter says `penalty: none`.', 'Remove the penalty.'),
 'CH0414': ('A decision was taken with less advance notice than its procedure requires.', 'Give the notice the procedure requires before the vote.'),
 'CH0415': ('A member was admitted with a kind of consent the charter does not accept (for example `by birth` where `explicit` consent is required).', 'Record the member\'s explicit consent.'),
 'CH0416': ('A record names a member or a decision that the records do not contain.', 'Add the missing record, or correct the name.'),
 'CH0417': ('The records say they belong to a different charter than the one given with `--charter`.', 'Check that the right charter is named.'),
 'CH0302': ('A file given to `charterc check` does not exist or could not be read. Files that exist but are refused — outside the project root, not a regular file, larger than 32 MiB — are CH0303.', 'Check the path and the file.'),
 'CH0303': ('charterc reads only regular files inside the project root (the folder of charterc.yaml, else the working directory): a file named on the command line, matched by a glob or listed in `include:` that lies outside it — by `..`, an absolute path, or a symlink such as `charters/x.charter -> /proc/self/environ` — is refused, as are FIFOs, devices and files over the size limit. The file is named and never opened, so nothing of it reaches the output.', 'Move the file inside the project, replace the symlink by the file itself, or run charterc from a folder that contains both.'),
}
for code, name, sev, msg, summary in rows:
    why, fix = WHY[code]
    ex_path = os.path.join(root, 'test/fixtures/codes', code, 'trigger/expected.txt')
    example = open(ex_path).read().rstrip() if os.path.exists(ex_path) else ''
    summary = summary.replace('\\"', '"').replace('\\\\', '\\')
    page = f"# {code} `{name}`\n\n{summary}\n\nDefault severity: **{sev}** (not changed by profiles).\n\n## What it means\n\n{why}\n\n## Example\n\nWhat charterc prints for a charter with this problem:\n\n```text\n{example}\n```\n\n## How to fix it\n\n{fix}\n"
    open(os.path.join(root, 'docs/codes', f'{code}.md'), 'w').write(page)
print(len(rows), 'pages')
