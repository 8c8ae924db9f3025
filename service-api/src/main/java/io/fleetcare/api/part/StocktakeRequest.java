package io.fleetcare.api.part;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/parts/stocktakes}: what was counted at one location (seed 004 §3.7.1).
 *
 * @param location the store counted
 * @param reason   why it was counted (monthly count, spot check); recorded on every adjustment
 * @param lines    one per part and condition counted; 1-1000
 */
public record StocktakeRequest(
        @NotBlank @Size(max = 100) String location,
        @NotBlank @Size(max = 2000) String reason,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid Line> lines) {

    /**
     * @param condition GOOD, RETURNED or DEFECTIVE
     * @param counted   what is on the shelf, 0-1000000 whole parts
     */
    public record Line(@NotNull @Positive Long partId, @NotBlank String condition,
            @NotNull @Min(0) @Max(1_000_000) Integer counted) {
    }
}
