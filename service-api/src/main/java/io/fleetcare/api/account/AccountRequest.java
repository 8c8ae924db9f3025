package io.fleetcare.api.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A personal account to create.
 *
 * @param username 3-64 of lower-case letters, digits and {@code . _ -}, starting with a letter or digit
 * @param password 12-200 characters (code points, leading and trailing whitespace not counted:
 *                 {@link PasswordRule}); only its bcrypt hash is kept
 * @param roles    role names, at least one
 */
public record AccountRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
        @NotBlank @Size(max = 1000) String password,
        @NotEmpty @Size(max = 4) Set<@NotBlank String> roles) {
}
