package io.fleetcare.api.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/tickets/{number}/survey}: the customer's ratings, each 1 (very dissatisfied) to
 * 5 (very satisfied), and an optional comment.
 */
public record SurveyRequest(
        @NotNull @Min(SurveyScores.MIN) @Max(SurveyScores.MAX) Integer attitude,
        @NotNull @Min(SurveyScores.MIN) @Max(SurveyScores.MAX) Integer skill,
        @NotNull @Min(SurveyScores.MIN) @Max(SurveyScores.MAX) Integer punctuality,
        @NotNull @Min(SurveyScores.MIN) @Max(SurveyScores.MAX) Integer result,
        @Size(max = 2000) String comment) {
}
