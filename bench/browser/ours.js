// What a page ships for reinstall-kit: the JS API and its glue (the .wasm is fetched by init()).
export {
  default as init, validate, buildRequest, signRequest, providers, generatePassword, newClientToken, loadDescriptions,
} from '../../pkg/index.js';
