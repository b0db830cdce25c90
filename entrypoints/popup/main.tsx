import { render } from 'preact';
import { readSnapshot } from '../../lib/storage';
import '../../components/theme.css';
import { PopupApp } from './PopupApp';

// Paint what is stored in the first frame: one storage read, no network, no waiting for the worker.
void readSnapshot().then((snapshot) => render(<PopupApp initial={snapshot} />, document.getElementById('app')!));
