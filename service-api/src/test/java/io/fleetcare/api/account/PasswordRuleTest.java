package io.fleetcare.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    private static final String KEY = "\uD83D\uDD11"; // one code point, two UTF-16 units

    @Test
    void elevenSpacesAndAnXAreOneCharacter() {
        assertThat(PasswordRule.length("           x")).isEqualTo(1);
        assertThatThrownBy(() -> PasswordRule.check("           x")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("it has 1");
    }

    @Test
    void leadingAndTrailingWhitespaceDoesNotCountButInnerWhitespaceDoes() {
        assertThat(PasswordRule.length("\t  correct horse  \n")).isEqualTo(13);
        assertThat(PasswordRule.length("\u3000abcdefghijk\u3000")).as("ideographic space is whitespace").isEqualTo(11);
        assertThatCode(() -> PasswordRule.check("  correct horse  ")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordRule.check("   abcdefghijk   ")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void codePointsCountNotUtf16Units() {
        assertThat(KEY.repeat(6).length()).isEqualTo(12);
        assertThat(PasswordRule.length(KEY.repeat(6))).isEqualTo(6);
        assertThatThrownBy(() -> PasswordRule.check(KEY.repeat(6))).isInstanceOf(InvalidRequestException.class);
        assertThatCode(() -> PasswordRule.check(KEY.repeat(12))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRule.check(KEY.repeat(200))).as("400 units, 200 characters")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordRule.check("a".repeat(201))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void nullAndBlankAreRefused() {
        assertThatThrownBy(() -> PasswordRule.check(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PasswordRule.check("            ")).isInstanceOf(InvalidRequestException.class);
    }
}
