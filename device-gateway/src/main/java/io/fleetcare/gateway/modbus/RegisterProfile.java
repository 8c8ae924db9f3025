package io.fleetcare.gateway.modbus;

import io.fleetcare.events.ModbusRegisterMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A register map of one kind of device: the values a poll reads and the ones commands may write.
 *
 * @param name      how devices refer to it, e.g. {@code charger-default}; never null
 * @param registers by address, none overlapping, names unique; never null, not empty
 * @param status    which register says whether the device is ok, warns or is faulted, and what its values mean;
 *                  null when the profile has none (then no STATUS events are reported)
 */
public record RegisterProfile(String name, List<ProfileRegister> registers, ModbusRegisterMap.StatusRegister status) {

    /** A profile without status register. */
    public RegisterProfile(String name, List<ProfileRegister> registers) {
        this(name, registers, null);
    }

    /**
     * @throws IllegalArgumentException when the registers overlap or repeat a name, or the status register is not a
     *                                  16-bit register of the profile
     */
    public RegisterProfile {
        if (registers.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " has no registers");
        }
        registers = registers.stream().sorted(Comparator.comparingInt(ProfileRegister::address)).toList();
        Set<String> names = new HashSet<>();
        ProfileRegister previous = null;
        for (ProfileRegister register : registers) {
            if (!names.add(register.name())) {
                throw new IllegalArgumentException("profile " + name + " names " + register.name() + " twice");
            }
            if (previous != null && register.address() < previous.end()) {
                throw new IllegalArgumentException("profile " + name + ": " + register.name() + " at "
                        + register.address() + " overlaps " + previous.name());
            }
            previous = register;
        }
        if (status != null) {
            ProfileRegister named = registers.stream().filter(r -> r.name().equals(status.register())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("profile " + name + ": status register "
                            + status.register() + " is not one of its registers"));
            if (named.type().words() != 1) {
                throw new IllegalArgumentException("profile " + name + ": status register " + status.register()
                        + " must be 16-bit");
            }
        }
    }

    /** The status register, when the profile has one. */
    public Optional<ProfileRegister> statusRegister() {
        return status == null ? Optional.empty() : register(status.register());
    }

    /** The register named {@code name}, if the profile has it. */
    public Optional<ProfileRegister> register(String name) {
        return registers.stream().filter(register -> register.name().equals(name)).findFirst();
    }

    /**
     * The reads one poll makes: each run of adjacent registers is one block (split at {@link RegisterBlock#MAX_COUNT}
     * registers, never inside a value); registers the profile does not name are never read, because devices answer
     * "illegal data address" for registers they do not have.
     */
    public List<RegisterBlock> readBlocks() {
        List<RegisterBlock> blocks = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (ProfileRegister register : registers) {
            boolean adjacent = start >= 0 && register.address() == end
                    && register.end() - start <= RegisterBlock.MAX_COUNT;
            if (!adjacent) {
                if (start >= 0) {
                    blocks.add(new RegisterBlock(start, end - start));
                }
                start = register.address();
            }
            end = register.end();
        }
        blocks.add(new RegisterBlock(start, end - start));
        return List.copyOf(blocks);
    }
}
