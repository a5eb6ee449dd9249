#!/usr/bin/env python3
"""Recall of secret scanners on CredSweeper's labelled samples (Samsung/CredSweeper, MIT).

CORPUS_DIR holds CredSweeper's expected findings on its own samples, output.json (tests/data/output.json:
a list of findings, each with a `rule`, a `severity` and a `line_data_list` of {path, line_num, line}),
and the sample files it names as samples/<name>; commits.tsv (path, commit) and unobtainable.tsv
(path, reason) are optional. The samples are not in this repository: credsweeper-sources.tsv lists
which files at which commits were used.

Labels. A label is a finding of output.json; it points at its first line (a multi-line finding, such as a
PEM key or an "AWS Multi" pair, counts once, on its first line). A label is *matched* when line
`line_num` of the sample equals the label's `line` after stripping blanks (CredSweeper strips them; for
XML it prints an element as "tag : text", and so does this check); labels on a sample whose stored
version differs are *unmatched*, on a sample that could not be obtained *unobtainable*. The positives are
the distinct (sample, line) pairs of matched labels: that is the headline figure (A). With --stand-ins the
other labels are scored too (B), each on a stand-in sample made of the labels' own lines at their line
numbers, every other line empty: the labelled text without its context (no extra findings are counted
there).

Scoring. Every sample becomes /opt/credsweeper/<name> of a small root that each scanner reads (stand-ins
/opt/credsweeper/stand-in/<name>). A positive is found when the scanner reports a finding in that file on
that line (imageprep's JSON evidence gives the first line of each finding, `line`; a finding without a
line, such as a binary key file, counts for the whole file); "in the file" counts a positive when the
scanner reports anything in the file, as measure.py does. Findings on lines of a stored sample that no
finding of output.json names are *extra*: not necessarily false (CredSweeper's samples hold many deliberate
negatives), listed per sample.

  credsweeper.py CORPUS_DIR WORK_DIR --imageprep NAME=JAR [--git-secrets] [--secretlint DIR] [--stand-ins]
                 [--misses FILE] [--unscored FILE] [--sources FILE]
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict, namedtuple

import scanners

OPT = '/opt/credsweeper/'

# CredSweeper rule -> imageprep detector family, with the family names of docs/secrets.md
FAMILIES = [
    ('private keys', ('PEM Private Key',)),
    ('passwords and generic secrets', ('Password', 'Secret', 'Token', 'Key', 'API', 'Auth', 'Credential',
                                       'Certificate', 'Nonce', 'Salt')),
    ('connection strings, URLs, .netrc, HTTP auth', ('URL Credentials',)),
    ('cloud provider keys', ('AWS Client ID', 'AWS Multi', 'AWS MWS Key', 'Azure Access Token',
                             'Azure Secret Value', 'Google API Key', 'Google Multi', 'Google OAuth Access Token',
                             'Digital Ocean OAuth Access Token', 'Digital Ocean PAT')),
    ('source hosting, CI and package registries', ('Github Classic Token', 'Github Fine-granted Token',
                                                   'Github Old Token', 'Gitlab PAT', 'Gitlab Feed Token',
                                                   'Gitlab Incoming Email Token', 'Gitlab Pipeline Trigger Token',
                                                   'Gitlab Registration Runner Token',
                                                   'Gitlab Registration Runner Token 2023',
                                                   'Bitbucket App Password', 'Bitbucket Client ID',
                                                   'Bitbucket Client Secret', 'Bitbucket HTTP Access Token',
                                                   'Bitbucket Repository Access Token', 'NuGet API key',
                                                   'PyPi API Token', 'Jfrog reference token')),
    ('addresses and domains (not credentials)', ('IPv4', 'IPv6', 'Firebase Domain', 'AWS S3 Bucket')),
]
OTHER = 'other service tokens'
XML_ELEMENT = re.compile(r'<([\w:.-]+)[^>]*>([^<]*)</\1>')


def family(rule):
    for name, rules in FAMILIES:
        if rule in rules:
            return name
    return OTHER


Label = namedtuple('Label', 'sample line rule severity text')


def load_labels(corpus):
    """The labels, one per finding of output.json on its first line, and {sample: {line_num: text}} of every
    line some finding names (its further lines included)."""
    labels = []
    named = defaultdict(dict)
    for f in json.load(open(os.path.join(corpus, 'output.json'), encoding='utf-8')):
        first = f['line_data_list'][0]
        labels.append(Label(os.path.basename(first['path']), first['line_num'], f['rule'], f['severity'],
                            first['line']))
        for d in f['line_data_list']:
            named[os.path.basename(d['path'])][d['line_num']] = d['line']
    return labels, named


def read_samples(corpus):
    samples = {}
    for name in sorted(os.listdir(os.path.join(corpus, 'samples'))):
        with open(os.path.join(corpus, 'samples', name), 'rb') as f:
            samples[name] = f.read().decode('utf-8', errors='replace')
    return samples


def read_tsv(path):
    if not os.path.exists(path):
        return {}
    rows = [l.rstrip('\n').split('\t') for l in open(path, encoding='utf-8') if l.strip() and not l.startswith('#')]
    return {os.path.basename(r[0]): r[1] if len(r) > 1 else '' for r in rows}


def same_line(text, label):
    text, label = text.strip(), label.strip()
    if text == label:
        return True
    m = XML_ELEMENT.fullmatch(text)
    return bool(m) and '%s : %s' % (m.group(1), m.group(2).strip()) == label


def status_of(label, samples):
    if label.sample not in samples:
        return 'unobtainable'
    lines = samples[label.sample].splitlines()
    return 'matched' if 0 < label.line <= len(lines) and same_line(lines[label.line - 1], label.text) else 'unmatched'


def stand_in(lines):
    """A sample made of LINES ({line_num: text}) at their line numbers, every other line empty."""
    return ''.join(lines.get(n, '') + '\n' for n in range(1, max(lines) + 1))


def write_sources(path, corpus, labels, status, samples):
    commits = read_tsv(os.path.join(corpus, 'commits.tsv'))
    reasons = read_tsv(os.path.join(corpus, 'unobtainable.tsv'))
    per = defaultdict(lambda: [0, 0])
    for label in labels:
        per[label.sample][0] += status[label] == 'matched'
        per[label.sample][1] += 1
    with open(path, 'w', encoding='utf-8') as f:
        f.write('path\tcommit\tchars\tmatched/labels\tnote\n')
        for name in sorted(per):
            ok, total = per[name]
            note = reasons.get(name, '') if name not in samples else ('' if ok == total else 'another version')
            size = len(samples[name]) if name in samples else '-'
            f.write('tests/samples/%s\t%s\t%s\t%d/%d\t%s\n' % (name, commits.get(name, '-'), size, ok, total, note))


def score(findings, scored):
    """SCORED: [(label, path it is scored on)]. Per group (rule:R, family:F, all, all but info): the positives,
    those found on their line, those found in their file; and the missed (label, path)."""
    lines_of = defaultdict(set)  # path -> lines with a finding (None: the whole file)
    for f in findings:
        lines_of[f.path].add(f.line)
    groups = defaultdict(lambda: (set(), set(), set()))
    missed = []
    for label, path in scored:
        got = lines_of.get(path, set())
        hit = label.line in got or None in got
        keys = ['rule:' + label.rule, 'family:' + family(label.rule), 'all']
        for key in keys + (['all but info'] if label.severity != 'info' else []):
            positives, on_line, in_file = groups[key]
            positives.add((path, label.line))
            if hit:
                on_line.add((path, label.line))
            if got:
                in_file.add((path, label.line))
        if not hit and (label.sample, label.line, label.rule) not in {(m.sample, m.line, m.rule) for m, _ in missed}:
            missed.append((label, path))
    return groups, missed


def extras(findings, named):
    """{sample: [(line, kind)]} of findings on lines of stored samples that no finding of output.json names."""
    extra = defaultdict(list)
    for f in findings:
        name = f.path[len(OPT):]
        if f.path.startswith(OPT) and '/' not in name and f.line is not None and f.line not in named.get(name, {}):
            extra[name].append((f.line, f.kind))
    return extra


def percent(found, positives):
    return '%d (%.0f %%)' % (len(found), 100.0 * len(found) / len(positives)) if positives else '-'


def report(title, runs, labels):
    """Markdown tables of RUNS ([(scanner, groups)]): recall on the line per CredSweeper rule and per family."""
    names = [name for name, _ in runs]
    first = runs[0][1]
    severity = {label.rule: label.severity for label in labels}
    print('\n## %s: %d positives\n' % (title, len(first['all'][0])))

    def table(heading, keys, name_of):
        print('\n| %s | positives | %s |' % (heading, ' | '.join(names)))
        print('|---|---:|%s' % ('---:|' * len(names)))
        for key in keys:
            print('| %s | %d | %s |' % (name_of(key), len(first[key][0]),
                                       ' | '.join(percent(g[key][1], g[key][0]) for _, g in runs)))

    rules = sorted((k[5:] for k in first if k.startswith('rule:')), key=lambda r: (family(r), r))
    table('CredSweeper rule (severity)', ['rule:' + r for r in rules] + ['all'],
          lambda k: '**all**' if k == 'all' else '%s (%s)' % (k[5:], severity[k[5:]]))
    families = [f for f in [f for f, _ in FAMILIES] + [OTHER] if 'family:' + f in first]
    table('imageprep family', ['family:' + f for f in families] + ['all', 'all but info'],
          lambda k: {'all': '**all**', 'all but info': "all but CredSweeper's `info` rules"}.get(k, k[7:]))
    print('\nFound in the file (anything reported in the sample, as measure.py counts): ' + ', '.join(
        '%s %s' % (name, percent(g['all'][2], g['all'][0])) for name, g in runs) + '.')


def write_labels(path, rows, last_column):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('sample\tline_num\trule\tline\t%s\n' % last_column)
        for label, last in rows:
            f.write('\t'.join([label.sample, str(label.line), label.rule,
                               label.text.strip()[:200].replace('\t', ' '), last]) + '\n')


def main():
    ap = argparse.ArgumentParser()
    scanners.add_arguments(ap)
    ap.add_argument('--stand-ins', action='store_true', help='also score the other labels on stand-in samples')
    ap.add_argument('--misses', help='write the labels the first --imageprep run misses here (TSV)')
    ap.add_argument('--unscored', help='write the unmatched and unobtainable labels here (TSV)')
    ap.add_argument('--sources', help='write each sample: commit, size, matched labels (TSV)')
    a = ap.parse_args()
    if not (a.imageprep or a.git_secrets or a.secretlint):
        ap.error('name a scanner: --imageprep, --git-secrets or --secretlint')
    labels, named = load_labels(a.corpus)
    samples = read_samples(a.corpus)
    status = {label: status_of(label, samples) for label in labels}
    if a.sources:
        write_sources(a.sources, a.corpus, labels, status, samples)
    stand_ins = {label.sample: stand_in(named[label.sample]) for label in labels
                 if a.stand_ins and status[label] != 'matched'}
    files = {OPT + name: text for name, text in samples.items()}
    files.update({OPT + 'stand-in/' + name: text for name, text in stand_ins.items()})
    os.makedirs(a.work, exist_ok=True)
    root = scanners.make_root(a.work, files)
    count = {s: sum(1 for label in labels if status[label] == s) for s in ('matched', 'unmatched', 'unobtainable')}
    print('corpus: %d findings in output.json on %d samples; %d of them here; labels: %d matched, %d on another '
          'version of their sample, %d on a sample not obtained; %d stand-in samples' % (
              len(labels), len(named), len(set(named) & set(samples)), count['matched'], count['unmatched'],
              count['unobtainable'], len(stand_ins)))
    runs = scanners.run(a, root)
    stored = [(label, OPT + label.sample) for label in labels if status[label] == 'matched']
    every = stored + [(label, OPT + 'stand-in/' + label.sample) for label in labels
                      if a.stand_ins and status[label] != 'matched']
    report('A. Samples as stored (matched labels)', [(name, score(f, stored)[0]) for name, f in runs], labels)
    if a.stand_ins:
        report('B. Every label: stored samples where they match, stand-ins for the rest',
               [(name, score(f, every)[0]) for name, f in runs], labels)
    for name, f in runs:
        print('\nExtra findings of %s (lines no label names), per sample: %s.' % (name, ', '.join(
            '%s %d (%s)' % (s, len(v), ', '.join(sorted({k for _, k in v})))
            for s, v in sorted(extras(f, named).items())) or 'none'))
    if a.misses and runs:
        write_labels(a.misses, [(label, 'stand-in' if '/stand-in/' in path else 'stored')
                                for label, path in score(runs[0][1], every)[1]], 'sample version')
    if a.unscored:
        write_labels(a.unscored, [(label, status[label]) for label in labels if status[label] != 'matched'],
                     'status')


if __name__ == '__main__':
    sys.exit(main())
