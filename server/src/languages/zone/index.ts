// The DNS zone (master file) language: parse once, then the syntax findings of the parser
// and the zone-level checks of rules/ (named-checkzone's and ours) over one ZoneIndex.

import { compareFindings, type Finding } from '../../core/finding';
import { AnalysisCancelled, type AnalysisContext, type LanguageService } from '../../core/languageService';
import type { RuleMeta } from '../../core/rules';
import type { ZoneAst, ZoneRecord } from './model';
import { checkFindings, rememberWalk, reusedFindings } from './incrementalLint';
import { zoneCompletion } from './completion';
import { zoneHover } from './hover';
import { zonePrefixThrough } from './prefix';
import { newAst, parseZone, reparseZone } from './parser';
import { zoneLiveLenses } from './liveLens';
import { zoneSymbols } from './symbols';
import { ZoneChecker } from './checker';
import type { ZoneCheck } from './ruleKit';
import { caaTag, checkCaaTag } from './rules/caa-tag';
import { cdsConsistency, cdsDigest, checkCdsConsistency } from './rules/cds-consistency';
import { checkDkimSyntax, dkimSyntax } from './rules/dkim-syntax';
import { checkDmarcSyntax, dmarcSyntax } from './rules/dmarc-syntax';
import { checkDuplicateRecord, duplicateRecord } from './rules/duplicate-record';
import { checkSoaSerial, soaSerial } from './rules/soa-serial';
import { checkSoaTimers, soaTimers } from './rules/soa-timers';
import { checkSpfSyntax, spfSyntax } from './rules/spf-syntax';
import { checkTtlRange, ttlRange } from './rules/ttl-range';
import { checkWildcardShadowed, wildcardShadowed } from './rules/wildcard-shadowed';
import { badIpv4 } from './rules/bad-ipv4';
import { badOwnerName, checkBadOwnerName } from './rules/bad-owner-name';
import { badRdata } from './rules/bad-rdata';
import { classMismatch } from './rules/class-mismatch';
import { checkCnameAndOtherData, cnameAndOtherData } from './rules/cname-and-other-data';
import { checkDsAtApex, dsAtApex } from './rules/ds-at-apex';
import { generate } from './rules/generate';
import { include } from './rules/include';
import { checkMissingApexNs, missingApexNs } from './rules/missing-apex-ns';
import { checkMissingGlue, missingGlue } from './rules/missing-glue';
import { checkMissingSoa, missingSoa } from './rules/missing-soa';
import { checkMissingTrailingDot, missingTrailingDot } from './rules/missing-trailing-dot';
import { checkMultipleSingleton, multipleSingleton } from './rules/multiple-singleton';
import { nameTooLong } from './rules/name-too-long';
import { noTtl } from './rules/no-ttl';
import { checkNonTerminalWildcard, nonTerminalWildcard } from './rules/non-terminal-wildcard';
import { checkNsWildcard, nsWildcard } from './rules/ns-wildcard';
import { checkNsec3Owner, nsec3Owner } from './rules/nsec3-owner';
import { checkOccluded, occluded } from './rules/occluded';
import { checkOutOfZone, outOfZone } from './rules/out-of-zone';
import { checkSoaNotAtApex, soaNotAtApex } from './rules/soa-not-at-apex';
import { checkRdataEncoding, rdataEncoding } from './rules/rdata-encoding';
import { checkSpfType, spfType } from './rules/spf-type';
import { syntax } from './rules/syntax';
import { checkTargetIsAddress, targetIsAddress } from './rules/target-is-address';
import { checkTargetIsCname, targetIsCname } from './rules/target-is-cname';
import { checkTargetNoAddress, targetNoAddress } from './rules/target-no-address';
import { checkTtlMismatch, ttlMismatch } from './rules/ttl-mismatch';
import { ttlTooLarge } from './rules/ttl-too-large';
import { txtStringTooLong } from './rules/txt-string-too-long';
import { unknownType } from './rules/unknown-type';

/** Checks over the whole loaded zone, in the order named-checkzone runs them (exported for the containment test). */
export const ZONE_CHECKS: Array<() => ZoneCheck> = [
  checkOutOfZone,
  checkSoaNotAtApex,
  checkMultipleSingleton,
  checkCnameAndOtherData,
  checkNsWildcard,
  checkNsec3Owner,
  checkDsAtApex,
  checkMissingSoa,
  checkMissingApexNs,
  checkBadOwnerName,
  checkNonTerminalWildcard,
  checkTtlMismatch,
  checkTargetIsAddress,
  checkTargetIsCname,
  checkTargetNoAddress,
  checkMissingGlue,
  checkOccluded,
  checkSpfType,
  checkCdsConsistency,
  checkRdataEncoding,
  checkMissingTrailingDot,
  checkSoaSerial,
  checkSoaTimers,
  checkDuplicateRecord,
  checkTtlRange,
  checkSpfSyntax,
  checkDmarcSyntax,
  checkDkimSyntax,
  checkCaaTag,
  checkWildcardShadowed,
];

const RULES: RuleMeta[] = [
  syntax, unknownType, badRdata, badIpv4, nameTooLong, txtStringTooLong, include, generate, noTtl, ttlTooLarge, classMismatch,
  outOfZone, soaNotAtApex, multipleSingleton, cnameAndOtherData, nsWildcard, nsec3Owner, dsAtApex, missingSoa, missingApexNs,
  badOwnerName, nonTerminalWildcard, ttlMismatch, targetIsAddress, targetIsCname, targetNoAddress, missingGlue, occluded, spfType,
  rdataEncoding, missingTrailingDot, soaSerial, soaTimers, duplicateRecord, ttlRange, spfSyntax, dmarcSyntax, dkimSyntax, caaTag, cdsConsistency, cdsDigest, wildcardShadowed,
];

/** Parser findings that stand: a fragment (no SOA: an $INCLUDEd piece) gets its TTLs from the file that includes it. */
function parserFindings(ast: ZoneAst, out: Finding[]): void {
  for (const f of ast.findings) if (!(ast.fragment && f.ruleId === noTtl.id && f.severity === undefined)) out.push(f);
}

/** The one walk over `records` (all of the AST's, or a sub-zone's: incrementalLint.ts). */
function runChecks(ast: ZoneAst, records: ZoneRecord[]): Finding[] {
  const checker = new ZoneChecker(ast, ZONE_CHECKS, true);
  for (const r of records) checker.add(r);
  return checker.finish();
}

/** Records (and owners) walked between two turns of the event loop: a few ms of work. */
const SLICE = 2048;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same walk in slices (the editor): between two, the event loop runs, so the worker
 * answers a hover of this version while its lint goes on, and a newer version's edit
 * (`isCancelled()`) ends it there (AnalysisCancelled).
 */
async function runChecksInSlices(ast: ZoneAst, records: ZoneRecord[], isCancelled: () => boolean): Promise<Finding[]> {
  const checker = new ZoneChecker(ast, ZONE_CHECKS, true);
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % SLICE === 0) {
      await nextTurn();
      if (isCancelled()) throw new AnalysisCancelled();
    }
    checker.add(records[i]);
  }
  return checker.finish(isCancelled, SLICE);
}

/** The parser's findings, then the checks'. */
function withParserFindings(ast: ZoneAst, found: Finding[]): Finding[] {
  const out: Finding[] = [];
  parserFindings(ast, out);
  for (const f of found) out.push(f);
  return out;
}

/**
 * The parser's findings, then the checks' in document order (sorted, so a lint that reused
 * the previous version's findings gives the same list as a whole walk).
 */
export function lintZone(ast: ZoneAst): Finding[] {
  return withParserFindings(ast, checkFindings(ast, runChecks).sort(compareFindings));
}

/** lintZone for the editor: a whole walk runs in slices and stops once cancelled. */
export async function lintZoneInSlices(ast: ZoneAst, isCancelled: () => boolean): Promise<Finding[]> {
  const found = reusedFindings(ast, runChecks) ?? rememberWalk(ast, await runChecksInSlices(ast, ast.records, isCancelled));
  return withParserFindings(ast, found.sort(compareFindings));
}

/**
 * Parse and lint in one pass without keeping the records (the CLI): each record goes to the
 * checks as soon as it is read, so memory is the compact index, not the records' objects.
 */
export function checkZoneText(text: string, ctx: AnalysisContext): Finding[] {
  const ast = newAst(text, ctx);
  const checker = new ZoneChecker(ast, ZONE_CHECKS, false);
  parseZone(text, ctx, { ast, keepRecords: false, onRecord: (r, offset) => checker.add(r, offset) });
  return withParserFindings(ast, checker.finish());
}

export const zoneLanguage: LanguageService<ZoneAst> = {
  id: 'zone',
  commentPrefixes: [';'],
  rules: RULES,
  parse: (text, ctx) => parseZone(text, ctx),
  reparse: (previous, text, changes, ctx) => reparseZone(previous, text, changes, ctx),
  lint: (ast, ctx) => (ctx.isCancelled ? lintZoneInSlices(ast, ctx.isCancelled) : lintZone(ast)),
  parseFindings: (ast) => {
    const out: Finding[] = [];
    parserFindings(ast, out);
    return out;
  },
  check: (text, ctx) => checkZoneText(text, ctx),
  prefixThrough: (text, line, maxChars) => zonePrefixThrough(text, line, maxChars),
  hover: (ast, position) => zoneHover(ast, position),
  complete: (ast, position) => zoneCompletion(ast, position),
  symbols: (ast) => zoneSymbols(ast),
  codeLenses: (ast, ctx) => zoneLiveLenses(ast, ctx.settings.zone.liveLens === true),
};
