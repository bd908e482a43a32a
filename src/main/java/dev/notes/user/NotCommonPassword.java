package dev.notes.user;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The password is not on the bundled list of {@link CommonPasswords}; null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = NotCommonPassword.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotCommonPassword {

    String message() default "This password is one of the most common in breached password lists, so it"
            + " would be guessed early. Please choose another.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Bean Validation's side of the rule. */
    class Check implements ConstraintValidator<NotCommonPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || !CommonPasswords.bundled().contains(password);
        }
    }
}
