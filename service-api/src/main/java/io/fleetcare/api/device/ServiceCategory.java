package io.fleetcare.api.device;

/**
 * How a service on a component is billed (seed 002 §2.1 "售后服务种类", seed 004 §4 "公司售后服务类别").
 */
public enum ServiceCategory {
    /** In warranty: neither parts nor labour are charged (免费服务). */
    FREE,
    /** After warranty, under a service agreement with the customer (合同服务). */
    CONTRACT,
    /** After warranty without an agreement: parts and labour are charged (有偿服务). */
    PAID
}
