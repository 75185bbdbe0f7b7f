/**
 * The positive list (正面清单): units that meet its rules get fewer, off-site-first inspections.
 * <p>
 * Owns: {@code positive_list_entry}, {@code positive_list_run}; writes the pool's {@code positive_list} flag, which
 * the draw weights read.
 * <p>
 * Invariants ({@link gov.envgov.enforcement.positivelist.PositiveListRules}, numbers in
 * {@code envgov.enforcement.positive-list}): a unit qualifies with no penalty (decided, not withdrawn), no incident
 * (the configured clue sources) and no missing report within the clean years, and, where its class must monitor
 * online, a passed monitoring check within the configured years and none failed since; it is listed for the
 * configured years and assessed again when the term ends; a listed unit that breaks a rule leaves the list at once
 * (listed units are assessed on every clock run, all units once a day). Reads cases, clues and inspections
 * (read-only) through one query.
 * <p>
 * Publishes: {@code PositiveListChanged}.
 */
@NullMarked
package gov.envgov.enforcement.positivelist;

import org.jspecify.annotations.NullMarked;
