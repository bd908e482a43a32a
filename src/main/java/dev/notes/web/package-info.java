/**
 * The Faces pages' backing beans: one per page, request-scoped (nothing to keep in a session that
 * a cluster would have to carry), plus the few helpers they share. Beans translate between forms
 * and the domain services; the rules themselves live in the domain packages. The caller is always
 * taken from the security context, never from a form field.
 */
package dev.notes.web;
