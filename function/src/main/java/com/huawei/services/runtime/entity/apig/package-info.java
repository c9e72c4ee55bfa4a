/**
 * Stand-ins for FunctionGraph's API Gateway trigger entities. Field names are the JSON keys the
 * platform maps events from and responses to.
 */
package com.huawei.services.runtime.entity.apig;
