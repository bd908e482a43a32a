package dev.notes;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;

/**
 * A Bean Validation validator for unit tests, with English messages whatever the machine's locale:
 * the tests compare the exact sentences users see.
 */
public final class EnglishValidator {

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();

    private EnglishValidator() {
    }

    public static Validator get() {
        return FACTORY.getValidator();
    }
}
