export { default as OpenApiUtil } from '@alicloud/openapi-util';
