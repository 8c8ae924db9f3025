package io.fleetcare.api.ticket.exclusion;

/**
 * Why a fault is not covered by the warranty (seed 002 §2.1 "免费服务" exclusions; seed 003 "不属于保修范围",
 * "私自撕毁卷标、涂改卷标的产品我司有权拒绝售后"; DOMAIN.md "Service categories and warranty").
 */
public enum ExclusionReason {
    /** Installed against the maker's instructions (安装不当). */
    WRONG_INSTALLATION,
    /** Used against the instructions, misuse (使用不当, 人为损坏). */
    WRONG_USE,
    /** Operated in an environment the product is not made for (使用环境不符). */
    UNSUITABLE_ENVIRONMENT,
    /** Fire, flood, lightning and similar (不可抗力). */
    FORCE_MAJEURE,
    /** Opened, modified, labels torn or altered (私自拆修, 撕毁/涂改卷标). */
    TAMPERING
}
