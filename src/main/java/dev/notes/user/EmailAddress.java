package dev.notes.user;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address, at registration as on the account page: optional (null or empty: none), at most
 * {@value Registration#EMAIL_MAX} characters (RFC 5321's limit for a path), and of a sane syntax:
 * Bean Validation's {@code @Email} (RFC 5322's atoms, a valid domain) and, beyond what it accepts,
 * one {@code @}, no white space and a dot in the domain, since a mail to {@code someone@localhost}
 * or to a bare host reaches nobody outside. Nothing is sent to it: whether it exists is not checked.
 * {@link Registration#normaliseEmail} trims it and lower-cases the domain (the part whose case never matters).
 */
@Documented
@Email(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "This is not an e-mail address.")
@Size(max = Registration.EMAIL_MAX, message = "An e-mail address is at most {max} characters long.")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "This is not an e-mail address.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
