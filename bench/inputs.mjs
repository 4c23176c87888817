// The inputs every benchmark feeds to both sides: per provider, valid
// requests (the documents' examples, in the providers' flat parameter names)
// and invalid ones (several rules broken at once), plus the fixed signing
// context of the whole-job benchmark (time, nonce, keys: all fake).

export const VALID = {
  huaweicloud: [
    {
      project_id: '0b7a1d0d8a80f2f92fd9c00d6d3d4d84',
      server_id: '9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d',
      // Members in the SDK model's order: the Huawei peer signs the body in
      // the order it is given, reinstall-kit writes the model's.
      'os-change': {
        adminpass: 'Reinstall@2024',
        imageid: 'e215580f-73ad-429d-b6f2-5433947433b0',
        metadata: { __system__encrypted: '1', __system__cmkid: '83cdb52d-9ebf-4469-9cfa-e7b5b80da846' },
        isAutoPay: 'true',
      },
    },
    {
      project_id: '0b7a1d0d8a80f2f92fd9c00d6d3d4d84',
      server_id: '9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d',
      'os-change': { keyname: 'KeyPair-350b', userid: '7e25b1da389f4697a79df3a0e5bd494e', imageid: 'e215580f-73ad-429d-b6f2-5433947433b0', mode: 'withStopServer' },
    },
  ],
  otc: [
    {
      project_id: '0b7a1d0d8a80f2f92fd9c00d6d3d4d84',
      server_id: '9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d',
      'os-change': { keyname: 'KeyPair-350b', userid: '7e25b1da389f4697a79df3a0e5bd494e', imageid: 'e215580f-73ad-429d-b6f2-5433947433b0', mode: 'withStopServer' },
    },
  ],
  ksyun: [
    {
      InstanceId: '98284100-f6d1-4bbf-886a-1b0765024738',
      ImageId: '8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2',
      InstancePassword: '1qaQ!abc',
      'SystemDisk.DiskSize': 50,
      'SystemDisk.ResizeType': 'offline',
      'KeyId.1': '552a0523-b9b4-4868-b8d9-52ad7a38bf89',
    },
  ],
  aliyun: [
    {
      InstanceId: 'i-bp67acfmxazb4ph****',
      ImageId: 'm-bp67acfmxazb4ph****',
      Password: 'EcsV587!',
      'SystemDisk.Size': 80,
      SecurityEnhancementStrategy: 'Active',
      ClientToken: '123e4567-e89b-12d3-a456-426655440000',
    },
  ],
  volcengine: [
    { InstanceId: 'i-a8j6n1i4hojfqpa0****', ImageId: 'image-38dfk6rfisf6kir6****', Password: 'Password@123' },
  ],
};

/**
 * The providers benchmarked: those with inputs here (each also needs its
 * peer in peers.mjs and its schema in schemas/), in the order of providers().
 */
export const PROVIDERS = Object.keys(VALID);

export const INVALID = {
  huaweicloud: [
    {
      project_id: '0b7a1d0d8a80f2f92fd9c00d6d3d4d84',
      server_id: '9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d',
      // adminpass and keyname both; password of one class; imageid not a UUID; bad enum
      'os-change': { adminpass: 'abcdefgh', keyname: 'kp', imageid: 'not-a-uuid', isAutoPay: 'yes' },
    },
  ],
  otc: [
    {
      project_id: '0b7a1d0d8a80f2f92fd9c00d6d3d4d84',
      server_id: '9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d',
      // adminpass refused on OTC; keyname missing; mode wrong
      'os-change': { adminpass: 'Reinstall@2024', imageid: 'e215580f-73ad-429d-b6f2-5433947433b0', mode: 'now' },
    },
  ],
  ksyun: [
    {
      // upper-case UUID; disk size 0; password without digits; bad resize type
      InstanceId: '98284100-F6D1-4BBF-886A-1B0765024738',
      ImageId: '8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2',
      InstancePassword: 'abcdEFGH',
      'SystemDisk.DiskSize': 0,
      'SystemDisk.ResizeType': 'sideways',
    },
  ],
  aliyun: [
    {
      // ImageId and DiskId both; password too short; size out of range; KMSKeyId without Encrypted
      InstanceId: 'i-bp67acfmxazb4ph****',
      ImageId: 'm-bp67acfmxazb4ph****',
      DiskId: 'd-1',
      Password: 'Ab1!',
      'SystemDisk.Size': 4096,
      KMSKeyId: 'key-1',
    },
  ],
  volcengine: [
    // ImageId missing; password starts with '/'; KeepImageCredential not a boolean
    { InstanceId: 'i-a8j6n1i4hojfqpa0****', Password: '/Password@123', KeepImageCredential: 'maybe' },
  ],
};

/** The fixed context of the whole-job benchmark: same time, nonce and keys on both sides. */
export const TIMESTAMP = '2024-05-06T07:08:09Z';
export const NONCE = '3f1c8e6a-2b4d-4c1e-9a7f-5d6e8b9c0a12';
export const CLIENT_TOKEN = '0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
export const ACCESS_KEY_ID = 'AKIDEXAMPLE0123456789';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const REGIONS = {
  huaweicloud: 'cn-north-4',
  otc: 'eu-de',
  ksyun: 'cn-beijing-6',
  aliyun: 'cn-hangzhou',
  volcengine: 'cn-beijing',
};

/** The one request per provider that the whole-job benchmark builds and signs. */
export const JOB = Object.fromEntries(PROVIDERS.map((id) => [id, VALID[id][0]]));

export function context(id) {
  return {
    region: REGIONS[id],
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET,
    timestamp: TIMESTAMP,
    nonce: NONCE,
    clientToken: CLIENT_TOKEN,
  };
}
