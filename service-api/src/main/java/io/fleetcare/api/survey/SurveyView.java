package io.fleetcare.api.survey;

import java.time.Instant;

/**
 * A survey as clients see it. The field names are part of the API.
 *
 * @param satisfaction the mean of the four ratings (1-5)
 * @param comment      null when the customer wrote none
 * @param recordedBy   the account that entered the customer's card
 */
public record SurveyView(String ticketNumber, int attitude, int skill, int punctuality, int result,
        double satisfaction, String comment, String recordedBy, Instant recordedAt) {

    static SurveyView of(Survey survey) {
        SurveyScores s = survey.scores();
        return new SurveyView(survey.ticketNumber(), s.attitude(), s.skill(), s.punctuality(), s.result(), s.mean(),
                survey.comment(), survey.recordedBy(), survey.recordedAt());
    }
}
