package gov.envgov.permit.enterprise;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The enterprise's environmental contact person; shown to staff and to the enterprise itself only. */
public record Contact(@Size(max = 50) String name,
                      @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
                      @Size(max = 100) String email) {
}
