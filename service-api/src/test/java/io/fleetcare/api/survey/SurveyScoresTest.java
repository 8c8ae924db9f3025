package io.fleetcare.api.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurveyScoresTest {

    @Test
    void satisfactionIsTheMeanOfTheFourRatings() {
        // given
        SurveyScores scores = new SurveyScores(5, 4, 3, 5);

        // when
        double mean = scores.mean();

        // then
        assertThat(mean).isEqualTo(4.25);
    }

    @Test
    void ratingsOutsideOneToFiveAreRefused() {
        // when / then
        assertThatThrownBy(() -> new SurveyScores(0, 4, 4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attitude");
        assertThatThrownBy(() -> new SurveyScores(4, 4, 4, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result");
    }
}
