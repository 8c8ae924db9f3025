package io.fleetcare.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random input for the fuzz tests of the device-facing edges: text of any characters (lone surrogates
 * included), JSON of any shape, and helpers to break one field of a valid message. The number of cases per edge is
 * {@code -Dfleetcare.fuzz.cases} (1,000 in the test command, more from {@code bench/fuzz/run.sh}); the seed is fixed
 * ({@code -Dfleetcare.fuzz.seed} to change it), so a failure repeats and names the case that failed.
 */
public final class RandomInputs {

    /** Cases per edge. */
    public static final int CASES = Integer.getInteger("fleetcare.fuzz.cases", 1_000);
    private static final long SEED = Long.getLong("fleetcare.fuzz.seed", 20261207L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSONISH = "[]{}\",:0123456789.-eE+truefalsn \\u";

    private final Random random;

    private RandomInputs(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Runs {@link #CASES} cases of one edge; a failing case is reported with its number, the seed and its input.
     *
     * @param edge  names the edge, mixed into the seed so that edges get different inputs
     * @param input makes one case's input from the generator
     * @param check the assertions for one input
     */
    public static <T> void forEachCase(String edge, java.util.function.Function<RandomInputs, T> input,
                                       Consumer<T> check) {
        long seed = SEED ^ edge.hashCode();
        RandomInputs inputs = new RandomInputs(seed);
        for (int i = 0; i < CASES; i++) {
            T value = input.apply(inputs);
            try {
                check.accept(value);
            } catch (Throwable failure) {
                String shown = String.valueOf(value);
                if (shown.length() > 500) {
                    shown = shown.substring(0, 500) + "... (" + shown.length() + " characters)";
                }
                throw new AssertionError("%s case %d of %d (seed %d) failed for input: %s".formatted(edge, i, CASES,
                        SEED, shown), failure);
            }
        }
        System.out.printf("fuzz %s: %d cases passed (seed %d)%n", edge, CASES, SEED);
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Any text: arbitrary code units (surrogates alone included), JSON punctuation soup, or control characters. */
    public String text(int maxLength) {
        int length = between(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        int flavour = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            text.append(switch (flavour) {
                case 0 -> (char) random.nextInt(Character.MAX_VALUE + 1);
                case 1 -> JSONISH.charAt(random.nextInt(JSONISH.length()));
                case 2 -> (char) random.nextInt(0x20);
                default -> (char) between(0xD800, 0xDFFF);
            });
        }
        return text.toString();
    }

    /** A JSON value of any type, nested up to the given depth, with field names the protocols use. */
    public JsonNode json(int depth, List<String> fieldNames) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> NODES.textNode(text(40));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(oneOf(List.of(random.nextDouble() * 1e6, -0.0, 1e308, Double.MIN_VALUE)));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode(oneOf(List.of("2026-12-07T10:00:00Z", "yesterday", "2026-13-45T99:00:00Z",
                    "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "")));
            case 7 -> NODES.textNode("x".repeat(between(100, 5_000)));
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = between(0, 4); i > 0; i--) {
                    array.add(json(depth - 1, fieldNames));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = between(0, 4); i > 0; i--) {
                    object.set(chance(0.8) ? oneOf(fieldNames) : text(10), json(depth - 1, fieldNames));
                }
                yield object;
            }
        };
    }
}
