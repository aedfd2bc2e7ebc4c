import { hello } from "@alternance/platform/domain"; console.log(hello);
