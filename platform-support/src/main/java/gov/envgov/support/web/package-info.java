/**
 * Web conventions shared by every controller: page requests and responses, free-text search input, the access log.
 */
@NullMarked
package gov.envgov.support.web;

import org.jspecify.annotations.NullMarked;
