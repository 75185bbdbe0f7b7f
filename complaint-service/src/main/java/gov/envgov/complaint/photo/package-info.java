/**
 * Photos of a complaint, as evidence.
 * <p>
 * Owns: {@code complaint_photo}.
 * <p>
 * Invariants: whoever may read the complaint may see its photos; its filer and operators may add them; the type is
 * decided by content (JPEG or PNG that decodes), never by what the upload declares, and every photo is re-encoded from
 * its pixels so no metadata (EXIF GPS, device) is kept; size and count are limited by
 * configuration; each photo is stored with its SHA-256, and each addition is audited.
 * <p>
 * Publishes: nothing. Consumes: complaint visibility ({@code complaint}).
 */
@NullMarked
package gov.envgov.complaint.photo;

import org.jspecify.annotations.NullMarked;
