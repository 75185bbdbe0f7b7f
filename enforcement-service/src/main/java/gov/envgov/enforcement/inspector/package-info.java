/**
 * The inspector pool (执法检查人员名录库) of double-random supervision.
 * <p>
 * Owns: {@code inspector} (credential number, valid until, district, department, the Keycloak user) and
 * {@code inspector_relation} (declared relations and interests with enterprises).
 * <p>
 * Invariants: only an active inspector with a valid credential is drawn; a declared relation is never removed here;
 * admin enrols inspectors; an inspector declares their own relations, admin anyone's. Publishes: nothing.
 */
@NullMarked
package gov.envgov.enforcement.inspector;

import org.jspecify.annotations.NullMarked;
