package io.fleetcare.api.survey;

/**
 * The four ratings of a satisfaction survey (seed 002: 服务人员态度、技术能力、赴约时间、服务事项的满意状况), each from
 * {@link #MIN} (very dissatisfied) to {@link #MAX} (very satisfied).
 *
 * @param attitude    the engineer's attitude and manners
 * @param skill       technical skill
 * @param punctuality the appointment kept
 * @param result      the result of the service
 */
public record SurveyScores(int attitude, int skill, int punctuality, int result) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    /**
     * @throws IllegalArgumentException when a rating is outside {@link #MIN}..{@link #MAX}
     */
    public SurveyScores {
        check(attitude, "attitude");
        check(skill, "skill");
        check(punctuality, "punctuality");
        check(result, "result");
    }

    /** The survey's satisfaction: the mean of the four ratings, {@link #MIN}..{@link #MAX}. */
    public double mean() {
        return (attitude + skill + punctuality + result) / 4.0;
    }

    private static void check(int rating, String name) {
        if (rating < MIN || rating > MAX) {
            throw new IllegalArgumentException(name + " must be " + MIN + ".." + MAX + ", was " + rating);
        }
    }
}
