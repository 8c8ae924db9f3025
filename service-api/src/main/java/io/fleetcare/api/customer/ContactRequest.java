package io.fleetcare.api.customer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact person, in a customer registration or {@code POST /api/customers/{customerId}/contacts}: a phone
 * number or an e-mail address, or both.
 *
 * @param position optional
 * @param phone    digits, spaces and {@code + - ( )}, 3-32
 * @param email    an e-mail address
 */
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String position,
        @Pattern(regexp = "[0-9+()\\- ]{3,32}") String phone,
        @Email @Size(max = 200) String email) {

    @JsonIgnore
    @AssertTrue(message = "needs a phone or an email")
    boolean isReachable() {
        return (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
    }

    NewContact toContact() {
        return new NewContact(name.strip(), blankToNull(position), blankToNull(phone), blankToNull(email));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
