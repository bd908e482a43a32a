package dev.notes.user;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of every password chosen from now on, at registration as at a change: given, 12 to 128
 * characters, not one of the {@link CommonPasswords}. Each rule broken reports its own message.
 */
@Documented
@NotNull(message = "Please choose a password.")
@Size(min = Registration.PASSWORD_MIN, max = Registration.PASSWORD_MAX,
        message = "A password is {min} to {max} characters long.")
@NotCommonPassword
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {

    String message() default "This password is not allowed.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
