/**
 * Registrations (登记管理) of registration-only units: effective on filing, re-filed after every change (late when
 * after the configured days). Owns {@code registration}. Publishes {@code RegistrationFiled}.
 */
package gov.envgov.permit.registration;
