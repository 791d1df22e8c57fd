// The app a bundler user writes: the element from "claimlens/element", the API from "claimlens".
import "claimlens/element";
import init, { analyze, mount } from "claimlens";

await init();
const story = document.getElementById("story-api");
const handle = mount(story, { sidebar: true });
window.bundlerTest = {
  analyzed: analyze("“Yes,” she said. The company denied it, according to Reuters."),
  handle,
};
document.documentElement.dataset.apiReady = "true";
