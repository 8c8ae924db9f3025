package io.fleetcare.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void everyRoleHasANameConstantSpelledLikeIt() throws IllegalAccessException {
        for (Role role : Role.values()) {
            assertThat(constant(role.name())).isEqualTo(role.name());
        }
        assertThat(Arrays.stream(Role.Names.class.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())))
                .hasSize(Role.values().length);
    }

    private static Object constant(String name) throws IllegalAccessException {
        try {
            Field field = Role.Names.class.getField(name);
            return field.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
