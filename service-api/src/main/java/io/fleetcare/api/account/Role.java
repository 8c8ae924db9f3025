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
    ADMIN,
    /**
     * The general manager or chairman (总经理/董事长): the only one who approves or refuses access to class-1
     * customer information (seed 000 §3.6.1 "须经总经理/董事长批准方可借阅").
     */
    TOP_MANAGER;

    /** The role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String NOC_OPERATOR = "NOC_OPERATOR";
        public static final String FIELD_ENGINEER = "FIELD_ENGINEER";
        public static final String SERVICE_MANAGER = "SERVICE_MANAGER";
        public static final String ADMIN = "ADMIN";
        public static final String TOP_MANAGER = "TOP_MANAGER";

        private Names() {
        }
    }
}
