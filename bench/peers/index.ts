import { jsonServer } from './jsonServer.js';
import { mockoon } from './mockoon.js';
import type { Peer } from './peer.js';
import { wiremock } from './wiremock.js';

/** What users would pick instead of the fake, WireMock first: every row is also a ratio to it. */
export const peers: readonly Peer[] = [wiremock, mockoon, jsonServer];
