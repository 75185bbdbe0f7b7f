/**
 * Web conventions shared by every controller: page requests and responses, free-text search input, the access log,
 * and the input every service refuses before a controller sees it (control characters, blank path variables,
 * bodies past their limit), enum values in any letter case.
 */
@NullMarked
package gov.envgov.support.web;

import org.jspecify.annotations.NullMarked;
