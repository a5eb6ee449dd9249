"""Run secret scanners over a small image root and return what each reports, by file and line.

Shared by measure.py (Nosey Parker's rule examples) and credsweeper.py (CredSweeper's samples): both put
a corpus under /opt of a small Debian-looking root and ask each scanner what it finds there.
A Finding's path is the path inside the root ('/opt/...'); its line is 1-based, or None when the
scanner names no line (imageprep's binary key files, for instance).
"""
import json
import os
import shutil
import subprocess
from collections import defaultdict, namedtuple

Finding = namedtuple('Finding', 'path line kind')

# Reports do not carry a finding's severity; these are every way the built-in detectors report below
# error level (agent/.../secrets: DetectorKind severities, checksum failures, Provenance). imageprep's
# kinds below error end in BELOW_ERROR.
BELOW_ERROR = ' (below error)'
BELOW_ERROR_KINDS = {'weak-password', 'encrypted-private-key', 'stripe-publishable-key'}
BELOW_ERROR_TITLES = ('its checksum does not match', 'looks like a public test fixture', 'unchanged file of package')


def below_error(evidence):
    detail = evidence.get('detail') or ''
    return evidence.get('kind') in BELOW_ERROR_KINDS or any(t in detail for t in BELOW_ERROR_TITLES)


def at_error(kinds):
    """True when one of KINDS is at error level (other scanners have no levels: all of theirs count)."""
    return any(not k.endswith(BELOW_ERROR) for k in kinds)


def make_root(work, files):
    """WORK/root with /etc/os-release and FILES ({'/opt/...': str or bytes}); returns the root."""
    root = os.path.join(work, 'root')
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, 'etc'))
    with open(os.path.join(root, 'etc', 'os-release'), 'w') as f:
        f.write('ID=debian\nVERSION_ID="12"\nPRETTY_NAME="corpus"\n')
    for path, content in files.items():
        os.makedirs(os.path.dirname(root + path), exist_ok=True)
        with open(root + path, 'wb') as f:
            f.write(content.encode('utf-8') if isinstance(content, str) else content)
    return root


def imageprep(jar, root, work):
    """Findings of `imageprep check --only no-secrets-left` (the JSON report's evidence: path, line, kind)."""
    state = os.path.join(work, 'state')
    out = os.path.join(work, 'imageprep.json')
    subprocess.run(['java', '-jar', jar, 'check', '--root', root, '--profile', 'linux', '--only', 'no-secrets-left',
                    '--state-dir', state, '--format', 'json', '--output', out], check=False,
                   stdout=subprocess.DEVNULL)
    report = json.load(open(out))
    check = [c for c in report['checks'] if c['id'] == 'no-secrets-left'][0]
    return [Finding(e['path'], e.get('line'), (e.get('kind') or e.get('detector') or '?')
                    + (BELOW_ERROR if below_error(e) else ''))
            for e in check.get('evidence') or [] if e.get('path')]


def git_secrets(root, under='opt'):
    """git-secrets' own AWS patterns (git secrets --register-aws), run as git grep outside a repository."""
    env = dict(os.environ, HOME=os.path.join(os.path.dirname(root), 'home'))
    os.makedirs(env['HOME'], exist_ok=True)
    subprocess.run(['git', 'secrets', '--register-aws', '--global'], env=env, check=True, stdout=subprocess.DEVNULL)
    files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(os.path.join(root, under))
                   for f in fs)
    p = subprocess.run(['git', 'secrets', '--scan', '--no-index'] + files, cwd=root, env=env, capture_output=True,
                       text=True, errors='replace')
    findings = []
    for line in (p.stdout + p.stderr).splitlines():
        if line.startswith(under + '/') and ':' in line:
            path, rest = line.split(':', 1)
            number = rest.split(':', 1)[0]  # git grep -n: path:line:text
            findings.append(Finding('/' + path, int(number) if number.isdigit() else None, 'aws'))
    return findings


def secretlint(tool_dir, root, pattern='opt/**/*'):
    """secretlint with the rules in TOOL_DIR/.secretlintrc.json (npm-installed in TOOL_DIR)."""
    out = os.path.join(os.path.dirname(root), 'secretlint.json')
    # --output: node cuts a piped stdout at 64 KiB when the process exits
    subprocess.run([os.path.join(tool_dir, 'node_modules', '.bin', 'secretlint'), '--format', 'json', '--output', out,
                    '--secretlintrc', os.path.join(tool_dir, '.secretlintrc.json'), pattern],
                   cwd=root, capture_output=True, text=True)
    findings = []
    for result in json.load(open(out)):
        path = '/' + os.path.relpath(result['filePath'], root)
        for m in result.get('messages', []):
            line = m.get('line') or ((m.get('loc') or {}).get('start') or {}).get('line')
            findings.append(Finding(path, line, m.get('ruleId', '?')))
    return findings


def add_arguments(ap):
    """The corpus, work directory and scanner options both scorers take."""
    ap.add_argument('corpus')
    ap.add_argument('work')
    ap.add_argument('--imageprep', action='append', default=[], help='NAME=JAR; repeatable')
    ap.add_argument('--git-secrets', action='store_true', help='apt-get install git-secrets')
    ap.add_argument('--secretlint', help='directory with secretlint and its recommended preset installed by npm')


def run(args, root):
    """[(scanner name, findings)] of every scanner ARGS asks for, imageprep runs first."""
    runs = []
    for spec in args.imageprep:
        name, jar = spec.split('=', 1)
        runs.append((name, imageprep(jar, root, args.work)))
    if args.git_secrets:
        runs.append(('git-secrets 1.3.0 (--register-aws)', git_secrets(root)))
    if args.secretlint:
        runs.append(('secretlint (preset-recommend)', secretlint(args.secretlint, root)))
    return runs


def by_path(findings):
    """{path: [kind, ...]} of FINDINGS."""
    found = defaultdict(list)
    for f in findings:
        found[f.path].append(f.kind)
    return found
