/** Renderer entry: styles (emitted by esbuild as app.css) and the app. */
import { render } from 'preact';
import { App } from './App.js';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
