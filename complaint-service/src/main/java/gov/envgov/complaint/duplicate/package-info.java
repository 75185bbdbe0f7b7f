/**
 * Duplicates: open complaints that report the same facts as a new one, proposed to operators, and linking a
 * confirmed duplicate to its master, which is handled instead.
 * <p>
 * Owns: the link to a master ({@code complaint.master_id}), written through the complaint store.
 * <p>
 * Invariants ({@link gov.envgov.complaint.duplicate.DuplicateFinder}): a proposal has the same category or
 * enterprise, was filed within the window, is close by (when both have a location) or in the same district, and
 * has similar text; every open complaint in the window is compared; nothing is linked without an operator; a master
 * is neither closed nor linked itself.
 * <p>
 * Publishes: {@code ComplaintLinked}. Consumes: the complaint workflow ({@code complaint}).
 */
@NullMarked
package gov.envgov.complaint.duplicate;

import org.jspecify.annotations.NullMarked;
