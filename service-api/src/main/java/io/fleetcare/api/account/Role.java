package io.fleetcare.api.account;

/**
 * What an account may do. Each person has a personal account with the least privilege their job needs
 * (seed 000 "三、信息安全管理制度 1. 访问控制" (1)(2)).
 */
public enum Role {
    /** Watches the fleet and the incoming cases in the network operations centre. */
    NOC_OPERATOR,
    /** Goes on site, diagnoses and repairs. */
    FIELD_ENGINEER,
    /** Runs the after-sales service: assigns, escalates, approves. */
    SERVICE_MANAGER,
    /** Manages accounts and the platform. */
    ADMIN;

    /** The role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String NOC_OPERATOR = "NOC_OPERATOR";
        public static final String FIELD_ENGINEER = "FIELD_ENGINEER";
        public static final String SERVICE_MANAGER = "SERVICE_MANAGER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
