package io.fleetcare.api.ticket.returns;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/tickets/{number}/returned-goods/processed}.
 *
 * @param outcome what was done with the goods; 1-2000 characters
 */
public record ReturnedGoodsRequest(@NotBlank @Size(max = 2000) String outcome) {
}
