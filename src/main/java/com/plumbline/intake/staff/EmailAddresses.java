package com.plumbline.intake.staff;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Staff e-mail addresses, checked by Hibernate Validator's {@code @Email} (bounded local part and
 * domain labels, no backtracking blow-up on crafted input) rather than a home-made regex; the
 * domain must also have a dot, as mail to a bare host name does not reach staff.
 */
final class EmailAddresses {

    /** RFC 5321: a forward path holds at most 254 characters of address. */
    static final int MAX_LENGTH = 254;

    private static final Validator VALIDATOR;

    static {
        // message interpolation is never needed here: no expression language on the classpath required
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    record Address(@Email String value) {
    }

    private EmailAddresses() {
    }

    static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String address = value.trim();
        int at = address.lastIndexOf('@');
        return address.length() <= MAX_LENGTH && at > 0 && address.indexOf('.', at) > at + 1
                && !address.endsWith(".") && VALIDATOR.validateValue(Address.class, "value", address).isEmpty();
    }
}
