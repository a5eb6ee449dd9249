#!/usr/bin/env python3
"""Recall and false positives of secret scanners on Nosey Parker's labelled rule examples.

The corpus is not in this repository (the examples are other projects' data): sources.tsv lists
every rule file, its repository path and the commit it was read at. Put the `examples` and
`negative_examples` of those files, as YAML (`rules: [{id, examples, negative_examples}]`), into
CORPUS_DIR; default-ruleset.txt there lists the rule ids of Nosey Parker's default ruleset.

Every example becomes one file, /opt/np/<rule>/pos-<n>.txt or neg-<n>.txt, under a small root
that the scanners read. A positive example counts as found when a scanner reports anything in its
file: examples are short and many span several lines, so the label is the file, not a line.
A finding in a negative example is a false positive; it is "clear" unless the text is a credential
another default rule lists as positive, or one Nosey Parker marks as a miss of its own (FIXME,
"should match"): those are listed in CREDENTIAL_NEGATIVES.

  measure.py CORPUS_DIR WORK_DIR --imageprep JAR [--name NAME] [--git-secrets] [--secretlint DIR]
"""
import argparse
import glob
import os
import sys
from collections import defaultdict

import yaml

import scanners

# negative examples (rule id, index) that hold a real credential the rule's own pattern misses
CREDENTIAL_NEGATIVES = {
    ('np.generic.1', 0), ('np.generic.1', 1), ('np.generic.1', 2),  # FIXME: extend this rule
    ('np.generic.4', 0),                                             # a quoted password (np.generic.6's form)
    ('np.aws.2', 4),                                                 # FIXME: aws_secret_key: OOzk...
    ('np.facebook.1', 0),                                            # "would be nice if this matched"
    ('np.msteams.1', 0),                                             # FIXME: probably should match
    ('np.twitter.2', 0),                                             # "would be nice if this matched"
    ('np.postgres.1', 0), ('np.postgres.1', 1), ('np.postgres.1', 2),  # IPv6 host, two hosts, password= query
    ('np.gitalk.1', 0), ('np.gitalk.1', 1),                          # the same credentials, other syntax
    ('np.generic.9', 0),                                             # Password=#gets0m3 in a connection string
    ('np.newrelic.2', 0),                                            # an NRAL licence key (np.newrelic.1)
    ('np.npm.1', 0),                                                 # a legacy npm token (a UUID), per the rule's note
    ('np.generic.5', 1),                                             # password = super$ecret: a config file's syntax
    ('np.generic.5', 2),                                             # password = 'super$ecret': np.generic.6's form
}

FAMILIES = [
    ('private keys', ('np.pem.', 'np.age.', 'np.wireguard.')),
    ('passwords and generic secrets', ('np.generic.', 'np.reactapp.', 'np.gradle.', 'np.phpmailer.', 'np.django.',
                                       'np.jwt.2', 'np.jwt.3')),
    ('connection strings, URLs, .netrc, HTTP auth', ('np.odbc.', 'np.postgres.', 'np.mongodb.', 'np.azure.1',
                                                     'np.azure.2', 'np.netrc.', 'np.http.', 'np.msteams.')),
    ('command lines', ('np.psexec.', 'np.vmware.')),
    ('cloud provider keys', ('np.aws.', 'np.appsync.', 'np.azure.3', 'np.google.', 'np.digitalocean.',
                             'np.databricks.', 'np.salesforce.')),
    ('source hosting, CI and package registries', ('np.github.', 'np.gitlab.', 'np.bitbucket.', 'np.npm.', 'np.pypi.',
                                                   'np.rubygems.', 'np.nuget.', 'np.cratesio.', 'np.dockerhub.',
                                                   'np.artifactory.', 'np.jenkins.', 'np.sonarqube.',
                                                   'np.codeclimate.', 'np.teamcity.', 'np.sourcegraph.',
                                                   'np.dtrack.', 'np.stackhawk.', 'np.sauce.', 'np.postman.')),
    ('other service tokens', ('np.',)),
]


def family(rule):
    for name, prefixes in FAMILIES:
        if rule.startswith(prefixes):
            return name
    return 'other'


def load(corpus):
    default = set(open(os.path.join(corpus, 'default-ruleset.txt')).read().split())
    rules = {}
    for f in sorted(glob.glob(os.path.join(corpus, '*.yml'))):
        for r in yaml.safe_load(open(f))['rules']:
            if r['id'] in default:
                rules[r['id']] = r
    return rules


def build_root(rules, work):
    files = {}
    labels = []
    for rid, r in sorted(rules.items()):
        for kind, key in (('pos', 'examples'), ('neg', 'negative_examples')):
            for i, text in enumerate(r.get(key) or []):
                path = '/opt/np/%s/%s-%d.txt' % (rid, kind, i)
                files[path] = text if text.endswith('\n') else text + '\n'
                labels.append((path, rid, kind, i))
    return scanners.make_root(work, files), labels


def score(name, found, labels, rules):
    # a negative example of one rule that another default rule lists as positive is a credential too
    positives = {t.strip() for r in rules.values() for t in (r.get('examples') or [])}
    per = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # positives, found, negatives, FP clear, FP credential, found at error
    missed = []
    fps = []
    for path, rid, kind, i in labels:
        row = per[family(rid)]
        hit = path in found
        if kind == 'pos':
            row[0] += 1
            row[1] += hit
            row[5] += hit and scanners.at_error(found[path])
            if not hit:
                missed.append(path)
        else:
            row[2] += 1
            if hit:
                text = (rules[rid].get('negative_examples') or [])[i].strip()
                credential = (rid, i) in CREDENTIAL_NEGATIVES or text in positives
                row[4 if credential else 3] += 1
                fps.append((path, 'credential' if credential else 'clear', found[path]))
    total = [sum(r[k] for r in per.values()) for k in range(6)]
    print('\n### %s\n' % name)
    print('| family | positives | found | recall | at error level | negatives | false positives (clear) | (credential) |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    for fam, _ in FAMILIES:
        if fam in per:
            r = per[fam]
            print('| %s | %d | %d | %.0f %% | %.0f %% | %d | %d | %d |' % (
                fam, r[0], r[1], 100.0 * r[1] / max(r[0], 1), 100.0 * r[5] / max(r[0], 1), r[2], r[3], r[4]))
    print('| **all** | %d | %d | **%.1f %%** | %.1f %% | %d | **%d** | %d |' % (
        total[0], total[1], 100.0 * total[1] / total[0], 100.0 * total[5] / total[0], total[2], total[3], total[4]))
    return missed, fps


def main():
    ap = argparse.ArgumentParser()
    scanners.add_arguments(ap)
    ap.add_argument('--details', action='store_true', help='list misses and false positives')
    a = ap.parse_args()
    rules = load(a.corpus)
    os.makedirs(a.work, exist_ok=True)
    root, labels = build_root(rules, a.work)
    print('corpus: %d default rules, %d positive and %d negative examples' % (
        len(rules), sum(1 for l in labels if l[2] == 'pos'), sum(1 for l in labels if l[2] == 'neg')))
    runs = [(name, scanners.by_path(findings)) for name, findings in scanners.run(a, root)]
    for name, found in runs:
        missed, fps = score(name, found, labels, rules)
        if a.details:
            print('\nmissed:', *missed, sep='\n  ')
            print('\nfalse positives:', *fps, sep='\n  ')


if __name__ == '__main__':
    sys.exit(main())
