// Minimal pcap writer: one IPv4/TCP conversation on loopback, so that an independent dissector
// (tshark) can read the exact bytes our stack put on the wire.

export interface Segment {
  readonly fromClient: boolean;
  readonly payload: Buffer;
}

const ipChecksum = (header: Buffer): number => {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
};

const SYN = 0x02;
const ACK = 0x10;
const PSH = 0x08;

const frame = (src: { port: number; seq: number }, dst: { port: number; seq: number }, flags: number, payload: Buffer): Buffer => {
  const ethernet = Buffer.alloc(14);
  ethernet.writeUInt16BE(0x0800, 12);
  const ip = Buffer.alloc(20);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(20 + 20 + payload.length, 2);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(6, 9);
  ip.writeUInt32BE(0x7f000001, 12);
  ip.writeUInt32BE(0x7f000001, 16);
  ip.writeUInt16BE(ipChecksum(ip), 10);
  const tcp = Buffer.alloc(20);
  tcp.writeUInt16BE(src.port, 0);
  tcp.writeUInt16BE(dst.port, 2);
  tcp.writeUInt32BE(src.seq >>> 0, 4);
  tcp.writeUInt32BE(flags & ACK ? dst.seq >>> 0 : 0, 8);
  tcp.writeUInt8(5 << 4, 12);
  tcp.writeUInt8(flags, 13);
  tcp.writeUInt16BE(65_535, 14);
  return Buffer.concat([ethernet, ip, tcp, payload]);
};

/** A pcap (link type Ethernet) of a TCP session from clientPort to serverPort. */
export const tcpSessionPcap = (clientPort: number, serverPort: number, segments: readonly Segment[]): Buffer => {
  const globalHeader = Buffer.alloc(24);
  globalHeader.writeUInt32LE(0xa1b2c3d4, 0);
  globalHeader.writeUInt16LE(2, 4);
  globalHeader.writeUInt16LE(4, 6);
  globalHeader.writeUInt32LE(262_144, 16);
  globalHeader.writeUInt32LE(1, 20);

  const client = { port: clientPort, seq: 1_000 };
  const server = { port: serverPort, seq: 5_000 };
  const frames: Buffer[] = [frame(client, server, SYN, Buffer.alloc(0)), frame({ ...server }, { ...client, seq: client.seq + 1 }, SYN | ACK, Buffer.alloc(0))];
  client.seq += 1;
  server.seq += 1;
  frames.push(frame(client, server, ACK, Buffer.alloc(0)));
  for (const segment of segments) {
    const [from, to] = segment.fromClient ? [client, server] : [server, client];
    frames.push(frame(from, to, PSH | ACK, segment.payload));
    from.seq += segment.payload.length;
  }

  const records = frames.map((bytes, i) => {
    const header = Buffer.alloc(16);
    header.writeUInt32LE(1_750_000_000 + i, 0);
    header.writeUInt32LE(bytes.length, 8);
    header.writeUInt32LE(bytes.length, 12);
    return Buffer.concat([header, bytes]);
  });
  return Buffer.concat([globalHeader, ...records]);
};
