// The Porter (1980) stemmer ribao uses everywhere: one implementation, written as plain JS in
// src/search/client/porter.js so the browser's search stems queries exactly as Node stemmed the index.

export { stem } from '../../search/client/porter.js';
